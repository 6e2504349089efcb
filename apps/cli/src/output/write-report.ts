// Writes a report as JSON (core's reportJson: the exact text of JSON.stringify(report, null, 2)) piece by piece,
// so that a million-desktop report never has to become one string, which Node caps.
import { open } from 'node:fs/promises';
import { type LogoffReport, reportJson } from '@wks-logoff/core';

/** To a file, replacing it. Rejects with the file system's error (e.g. EACCES). */
export async function writeReportFile(path: string, report: LogoffReport): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const piece of reportJson(report)) {
      await file.write(piece);
    }
    await file.write('\n');
  } finally {
    await file.close();
  }
}

/** To a stream (stdout), waiting when it is full; a reader that went away ends the writing quietly. */
export async function writeReportTo(
  stream: NodeJS.WritableStream & { destroyed?: boolean },
  report: LogoffReport,
): Promise<void> {
  const write = async (piece: string) => {
    if (stream.destroyed || stream.write(piece)) {
      return;
    }
    await new Promise<void>((resolve) => {
      stream.once('drain', resolve);
      stream.once('close', resolve);
    });
  };
  for (const piece of reportJson(report)) {
    await write(piece);
  }
  await write('\n');
}
