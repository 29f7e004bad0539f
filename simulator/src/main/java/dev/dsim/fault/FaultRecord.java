package dev.dsim.fault;

/**
 * One fault as it happened: what, on which nodes, when it struck and when it healed
 * ({@code healedAtNanos} is -1 while, or if, it never healed).
 */
public record FaultRecord(String kind, String targets, long atNanos, long healedAtNanos,
    String source) {}
