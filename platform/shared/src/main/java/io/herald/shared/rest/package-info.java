/**
 * Error bodies of Herald's three public API families, so every module answers in the shape the
 * official Customer.io and Segment clients parse.
 */
package io.herald.shared.rest;
