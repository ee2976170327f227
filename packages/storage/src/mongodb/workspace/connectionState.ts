/**
 * Whether the client shared by the workspace repositories has been closed. The driver would
 * silently reconnect a closed client on the next query; a closed store should fail loudly.
 */
export class ConnectionState {
  private closed = false;

  markClosed(): void {
    this.closed = true;
  }

  assertOpen(): void {
    if (this.closed) throw new Error('MongoDB workspace store is closed');
  }
}
