/**
 * The tenant's change sequence. Every create, change, move or delete takes the next number, so a delta token is just
 * "the sequence number I have seen", and `epoch` lets the control API invalidate every token at once (forced resync).
 */
export class ChangeClock {
  private sequence = 1;
  epoch = 1;

  next(): number {
    this.sequence += 1;
    return this.sequence;
  }

  get current(): number {
    return this.sequence;
  }

  invalidateTokens(): void {
    this.epoch += 1;
  }
}
