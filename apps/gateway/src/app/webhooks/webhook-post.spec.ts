import type { LookupAddress } from 'node:dns';
import { publicAddressLookup } from './webhook-post';
import { isPrivateAddress } from './webhook-targets';

/** Resolves `hostname` through the lookup as a connection would (Node asks for every address). */
function resolveThrough(allowPrivate: boolean, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    publicAddressLookup(allowPrivate)(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses as unknown as LookupAddress[]),
    ),
  );
}

describe(publicAddressLookup.name, () => {
  it('should refuse at connection time a name that resolves to a private address, unless private targets are allowed', async () => {
    await expect(resolveThrough(false, 'localhost')).rejects.toThrow('localhost resolves to a private address');
    expect((await resolveThrough(true, 'localhost')).map((address) => address.address)).toContain('127.0.0.1');
  });
});

describe(isPrivateAddress.name, () => {
  it('should take NAT64, benchmarking, multicast and mapped addresses as private', () => {
    for (const address of ['64:ff9b::a00:5', '198.18.0.1', '224.0.0.251', 'ff02::1', '::ffff:10.0.0.5', '169.254.169.254']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    expect(isPrivateAddress('2606:2800:220:1::')).toBe(false);
  });
});
