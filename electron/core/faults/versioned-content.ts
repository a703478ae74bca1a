// The text db-writer.ts stores and db-kill.test.ts expects: names the message and its
// version, so a reader can tell which committed write it is looking at.
export const contentOf = (id: string, version: number) => `${id}:${version}:${'lorem ipsum '.repeat(1 + (version % 40))}`;
