export { actionInputs, maskSecret } from './action';
export { BACKUP } from './backup';
export { type CliCommandSpec, type HelpSection, helpText, parseCommandLine } from './cli';
export { DISCOVERY, discoveryFrom } from './discovery';
export { ENVELOPE, encryptionFrom, openingKeysFrom } from './envelope';
export { ETCD_TOOLS, etcdToolsFrom } from './etcd-tools';
export { currentSurface, optionName, type Surface, useSurface } from './naming';
export {
  definedOptions,
  listOption,
  type Option,
  oneOf,
  switchOption,
  textOption,
  wholeNumber,
} from './option';
export { RESTORE, restoreChoicesFrom } from './restore';
export { moreNodesFrom, SSH, sshFrom, sshNodesFrom } from './ssh';
export { retentionFrom, STORE, selectorFrom, storeFrom } from './store';
export { given, isOn, type OptionValues, read, readAll, written } from './values';
