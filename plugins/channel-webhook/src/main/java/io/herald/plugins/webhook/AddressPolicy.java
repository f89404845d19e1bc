package io.herald.plugins.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF guard: which resolved addresses a webhook may connect to. Loopback, link-local
 * (including the cloud metadata address 169.254.169.254), private, shared (carrier-grade NAT),
 * unique-local IPv6, unspecified, multicast and reserved addresses are refused, also when they hide
 * inside an IPv6 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4), unless the operator allows
 * every private address or lists the range in the channel's allow-list.
 *
 * @param allowPrivate whether every address is allowed (the {@code allow_private_networks} setting)
 * @param allowed ranges allowed even though they are not public ({@code allowed_networks})
 */
record AddressPolicy(boolean allowPrivate, List<Cidr> allowed) {

  /** A refused range and how the refusal names it. */
  private record Blocked(Cidr range, String kind) {}

  private static final List<Blocked> BLOCKED =
      List.of(
          blocked("0.0.0.0/8", "an unspecified (\"this network\")"),
          blocked("10.0.0.0/8", "a private"),
          blocked("100.64.0.0/10", "a shared (carrier-grade NAT)"),
          blocked("127.0.0.0/8", "a loopback"),
          blocked("169.254.169.254/32", "the cloud metadata"),
          blocked("169.254.0.0/16", "a link-local"),
          blocked("172.16.0.0/12", "a private"),
          blocked("192.0.0.0/24", "a reserved (IETF protocol)"),
          blocked("192.0.2.0/24", "a reserved (documentation)"),
          blocked("192.168.0.0/16", "a private"),
          blocked("198.18.0.0/15", "a reserved (benchmarking)"),
          blocked("198.51.100.0/24", "a reserved (documentation)"),
          blocked("203.0.113.0/24", "a reserved (documentation)"),
          blocked("224.0.0.0/4", "a multicast"),
          blocked("240.0.0.0/4", "a reserved"),
          blocked("::/128", "an unspecified"),
          blocked("::1/128", "a loopback"),
          blocked("fc00::/7", "a unique-local (private)"),
          blocked("fe80::/10", "a link-local"),
          blocked("fec0::/10", "a site-local (private)"),
          blocked("ff00::/8", "a multicast"),
          blocked("2001:db8::/32", "a reserved (documentation)"));

  /** Built from bytes: the JDK turns an IPv4-mapped literal into an IPv4 address. */
  private static final Cidr IPV4_MAPPED = new Cidr(ipv4MappedPrefix(), 96);

  private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  AddressPolicy {
    allowed = List.copyOf(allowed);
  }

  /** The default: public addresses only. */
  static AddressPolicy publicOnly() {
    return new AddressPolicy(false, List.of());
  }

  /**
   * Why {@code address} may not be used, as the kind of address it is ("a private", "a loopback",
   * ...), or empty when it may.
   */
  Optional<String> refusal(InetAddress address) {
    if (allowPrivate || allowed.stream().anyMatch(range -> range.contains(address))) {
      return Optional.empty();
    }
    return kindOf(address.getAddress());
  }

  private Optional<String> kindOf(byte[] bytes) {
    for (Blocked blocked : BLOCKED) {
      if (blocked.range().contains(bytes)) {
        return Optional.of(blocked.kind());
      }
    }
    return embeddedIpv4(bytes).flatMap(this::embeddedRefusal);
  }

  private Optional<String> embeddedRefusal(byte[] ipv4) {
    if (allowed.stream().anyMatch(range -> range.contains(ipv4))) {
      return Optional.empty();
    }
    return kindOf(ipv4);
  }

  /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
  private static Optional<byte[]> embeddedIpv4(byte[] bytes) {
    if (bytes.length != 16) {
      return Optional.empty();
    }
    if (IPV4_MAPPED.contains(bytes) || IPV4_COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
      return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return Optional.of(Arrays.copyOfRange(bytes, 2, 6));
    }
    return Optional.empty();
  }

  private static byte[] ipv4MappedPrefix() {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xFF;
    bytes[11] = (byte) 0xFF;
    return bytes;
  }

  private static Blocked blocked(String range, String kind) {
    return new Blocked(Cidr.parse(range), kind);
  }
}
