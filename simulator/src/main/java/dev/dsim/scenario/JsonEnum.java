package dev.dsim.scenario;

/** An enum written in scenario files by a lowercase, dashed name ({@code least-outstanding}). */
interface JsonEnum {
  String jsonName();

  /** The constant whose JSON name is {@code name}, or null. */
  static <E extends Enum<E> & JsonEnum> E lookup(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.jsonName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** "a, b or c", for messages. */
  static <E extends Enum<E> & JsonEnum> String choices(Class<E> type) {
    StringBuilder sb = new StringBuilder();
    E[] all = type.getEnumConstants();
    for (int i = 0; i < all.length; i++) {
      if (i > 0) {
        sb.append(i == all.length - 1 ? " or " : ", ");
      }
      sb.append('"').append(all[i].jsonName()).append('"');
    }
    return sb.toString();
  }
}
