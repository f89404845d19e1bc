package io.herald.exports.api;

/**
 * What makes a signed download URL of a done export: {@code
 * <base>/v1/exports/{exportId}/file?expires={expires}&signature={signature}}.
 *
 * @param exportId the export
 * @param expires Unix second after which the link is refused
 * @param signature base64url HMAC-SHA256 of the id and expiry, with the node's export key
 */
public record DownloadLink(long exportId, long expires, String signature) {}
