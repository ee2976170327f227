/** Frames and bytes the server delivered to every client of this load process. */
export interface DeliveryCount {
  frames: number;
  bytes: number;
}

export const deliveredToClients: DeliveryCount = { frames: 0, bytes: 0 };

export function countDelivery(byteLength: number): void {
  deliveredToClients.frames += 1;
  deliveredToClients.bytes += byteLength;
}

export function snapshotDelivery(): DeliveryCount {
  return { ...deliveredToClients };
}
