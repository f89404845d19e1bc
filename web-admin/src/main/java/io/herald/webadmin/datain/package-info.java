/**
 * The console's Data-in page: the Pipelines messages answered 200 but dropped (permissive mode),
 * with the reason, read through the ingest module's API only.
 */
package io.herald.webadmin.datain;
