package io.hivemind.notifier.format;

/** A notification rendered for one destination: the body to POST and its content type. */
public record Message(String contentType, String body) {}
