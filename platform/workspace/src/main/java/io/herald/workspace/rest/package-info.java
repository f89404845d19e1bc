/**
 * Authentication of the three public API families: a pre-matching JAX-RS filter picks the family
 * from the request path, checks its credential and answers 401 in that family's error shape.
 */
package io.herald.workspace.rest;
