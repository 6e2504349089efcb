// A one-line progress bar on stderr (only when stderr is a terminal and not --quiet): done/total, rate, ETA.
import type { BatchProgress } from '@wks-logoff/core';
import { counted } from './counted.js';
import { formatSeconds } from './duration.js';

const WIDTH = 24;

function formatProgress(p: BatchProgress, elapsedMs: number): string {
  const total = p.total ?? p.done;
  const share = total > 0 ? p.done / total : 1;
  const filled = Math.round(share * WIDTH);
  const perSecond = elapsedMs > 0 ? (p.done / elapsedMs) * 1000 : 0;
  const eta = perSecond > 0 ? Math.ceil((total - p.done) / perSecond) : undefined;
  const etaText = eta === undefined ? '' : ` · ETA ${formatSeconds(eta)}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.done}/${total} desktops · ${counted(p.requests, 'request')} · ${perSecond.toFixed(0)}/s${etaText}`;
}

export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(p: BatchProgress): void {
    const now = Date.now();
    if (now - this.last < 100 && p.done !== p.total) {
      return;
    }
    this.last = now;
    this.drawn = true;
    this.stream.write(`\r\x1b[2K${formatProgress(p, now - this.started)}`);
  }

  finish(): void {
    if (this.drawn) {
      this.stream.write('\r\x1b[2K');
    }
  }
}
