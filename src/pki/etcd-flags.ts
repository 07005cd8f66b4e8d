import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { RebuildRefusedError } from './rebuild-errors';

/**
 * Sets `--flag=value` in the etcd container's command of a static pod manifest, replacing the flag where it is
 * and appending it where it is not; the rest of the document (comments, order) stays as it was.
 */
export function setEtcdFlags(text: string, flags: Record<string, string>, path: string): string {
  const doc = parseDocument(text);
  const containers = doc.getIn(['spec', 'containers']);
  if (!isSeq(containers)) throw new RebuildRefusedError(`${path} has no containers`);
  const etcd = (containers as YAMLSeq).items.find(
    (c) =>
      isMap(c) &&
      ((c as YAMLMap).get('name') === 'etcd' ||
        String((c as YAMLMap).getIn(['command', 0])).endsWith('etcd')),
  ) as YAMLMap | undefined;
  const command = etcd?.get('command');
  if (!isSeq(command)) throw new RebuildRefusedError(`${path} has no etcd container with a command`);
  const items = (command as YAMLSeq).items;
  for (const [name, value] of Object.entries(flags)) {
    const word = `--${name}=${value}`;
    const at = items.findIndex((item) => {
      const text = String(isMap(item) ? '' : ((item as { value?: unknown }).value ?? item));
      return text === `--${name}` || text.startsWith(`--${name}=`);
    });
    if (at >= 0) items[at] = doc.createNode(word);
    else items.push(doc.createNode(word));
  }
  return doc.toString();
}
