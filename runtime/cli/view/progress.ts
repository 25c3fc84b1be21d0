import type { ExecuteOptions } from '../../types.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressReporter {
  /** Undefined when the stream is not a terminal: piped output gets no progress lines. */
  onProgress: ExecuteOptions['onProgress'];
  /** Clears the progress line once the command has finished. */
  done(): void;
}

/** A single self-overwriting line on a terminal while a paginated command gathers pages. */
export function progressReporter(stream: ProgressStream): ProgressReporter {
  if (stream.isTTY !== true) return { onProgress: undefined, done: () => {} };

  let shown = false;
  return {
    onProgress: ({ command, pages, records }) => {
      shown = true;
      const pageWord = pages === 1 ? 'page' : 'pages';
      stream.write(`\r\x1b[K${command}: ${pages} ${pageWord}, ${records} records so far`);
    },
    done: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
