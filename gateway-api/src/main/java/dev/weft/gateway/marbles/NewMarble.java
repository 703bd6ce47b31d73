package dev.weft.gateway.marbles;

/** What {@code initMarble} needs. Validated by {@link MarbleValidation}; {@code size} may be null when missing. */
public record NewMarble(String name, String color, Integer size, String owner) {}
