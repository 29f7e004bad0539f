package dev.dsim.engine;

/** FNV-1a, 64 bits, over the UTF-16 code units of a string: stable across JVMs and platforms. */
final class Fnv {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Fnv() {}

  static long hash64(CharSequence s) {
    long h = OFFSET;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h ^= c & 0xff;
      h *= PRIME;
      h ^= c >>> 8;
      h *= PRIME;
    }
    return h;
  }
}
