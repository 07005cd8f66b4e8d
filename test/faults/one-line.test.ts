import { describe, expect, it } from 'vitest';
import { oneLine, shown } from '../../src/util/shown';

describe('quoting a bad value back in a one-line error', () => {
  it('escapes newlines, control, bidi and invisible characters, and quotes', () => {
    expect(shown('a\nb')).toBe("'a\\nb'");
    expect(shown('x\u202ey\u200bz\u0007')).toBe("'x\\u202ey\\u200bz\\u0007'");
    expect(shown("it's")).toBe("'it\\'s'");
    expect(shown('ｃｌｕｓｔｅｒ☃')).toBe("'ｃｌｕｓｔｅｒ☃'");
  });

  it('cuts a long value short and says how long it was', () => {
    const quoted = shown('a'.repeat(65_536));
    expect(quoted).toBe(`'${'a'.repeat(60)}…' (65536 characters)`);
  });
});

describe('making a failure fit one log line', () => {
  it('joins lines and elides any over-long token, keeping the rest and the hint', () => {
    const message = `member '${'a'.repeat(5000)}' is not in the cluster\n(members are: cp1, cp2)`;
    expect(oneLine(message)).toBe(
      `member '${'a'.repeat(59)}…(5002 characters) is not in the cluster (members are: cp1, cp2)`,
    );
  });

  it('leaves an ordinary message alone', () => {
    const message = 'ssh root@127.0.0.1:22: authentication refused (tried publickey) (check the user name)';
    expect(oneLine(message)).toBe(message);
  });
});
