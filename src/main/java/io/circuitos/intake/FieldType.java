package io.circuitos.intake;

/** What a route field's value must be ({@code type:} in a route file; default {@code string}). */
public enum FieldType { STRING, NUMBER, INTEGER, BOOLEAN, EMAIL }
