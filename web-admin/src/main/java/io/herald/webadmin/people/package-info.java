/**
 * The console's People pages: searching people (id or email prefix, exact cio_id, or an attribute
 * value) with keyset paging, and one person's identifiers, attributes, object relationships and
 * activity, read through the people, objects and events APIs only.
 */
package io.herald.webadmin.people;
