/** How every command reports: JSON with --json, plain lines otherwise. */
export interface Output {
  json: boolean;
  print(value: unknown, human: () => string): void;
}

export function makeOutput(json: boolean): Output {
  return {
    json,
    print(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
  };
}
