package io.herald.plugins.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}, or a single address,
 * which means the whole address). IPv4 ranges match IPv4 addresses only and IPv6 ranges IPv6
 * addresses only.
 *
 * @param network the range's first address bytes (4 or 16), host bits cleared
 * @param prefixLength how many leading bits must match
 */
record Cidr(byte[] network, int prefixLength) {

  Cidr {
    network = Objects.requireNonNull(network, "network").clone();
    if (network.length != 4 && network.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes");
    }
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    network = masked(network, prefixLength);
  }

  /**
   * Parses {@code address[/prefix]}. Only numeric addresses are accepted, never host names (which
   * would need a lookup).
   *
   * @throws IllegalArgumentException with a short reason when the text is not a range
   */
  static Cidr parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    if (!isNumeric(address)) {
      throw new IllegalArgumentException("not an IP address range: " + value);
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address range: " + value);
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(value.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IP address range: " + value);
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("prefix length out of range: " + value);
      }
    }
    return new Cidr(bytes, prefix);
  }

  /** Whether {@code address} is in the range. */
  boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  /** Whether the address bytes are in the range (an address of the other family never is). */
  boolean contains(byte[] address) {
    return address.length == network.length
        && Arrays.equals(masked(address, prefixLength), network);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr c
        && prefixLength == c.prefixLength
        && Arrays.equals(network, c.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isNumeric(String address) {
    return !address.isEmpty()
        && (address.contains(":")
            || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
  }

  private static byte[] masked(byte[] address, int prefixLength) {
    byte[] result = address.clone();
    for (int i = 0; i < result.length; i++) {
      int bitsHere = Math.max(0, Math.min(8, prefixLength - i * 8));
      result[i] &= (byte) (0xFF << (8 - bitsHere));
    }
    return result;
  }
}
