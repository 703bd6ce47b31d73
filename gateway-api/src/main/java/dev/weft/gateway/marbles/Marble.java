package dev.weft.gateway.marbles;

/**
 * A marble as the chaincode stores it; colour and owner are lower case.
 *
 * <pre>{@code
 * new Marble("marble1", "blue", 35, "tom")
 * }</pre>
 */
public record Marble(String name, String color, int size, String owner) {}
