// Reading what a syslog collector received over a stream socket (TCP, unix), for the audit sink tests.

/** Splits RFC 6587 octet-counted frames (the length in bytes, a space, the message) into messages. */
export function octetCountedFrames(data: Buffer): string[] {
  const out: string[] = [];
  let rest = data;
  while (rest.length) {
    const space = rest.indexOf(0x20);
    const length = Number(rest.subarray(0, space).toString());
    out.push(rest.subarray(space + 1, space + 1 + length).toString("utf8"));
    rest = rest.subarray(space + 1 + length);
  }
  return out;
}
