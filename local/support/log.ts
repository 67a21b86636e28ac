/** Where the local runtime reports progress: the terminal for `npm start`, nothing in tests. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} };

function stamp(): string {
  return new Date().toISOString().slice(11, 19);
}

export function terminalLog(stream: NodeJS.WritableStream = process.stdout): Log {
  const write = (mark: string, message: string) => stream.write(`${stamp()} ${mark} ${message}\n`);
  return {
    info: (message) => write(" ", message),
    warn: (message) => write("!", message),
    error: (message) => write("x", message),
  };
}

/** Keeps what was logged, for tests that assert a message was shown. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}
