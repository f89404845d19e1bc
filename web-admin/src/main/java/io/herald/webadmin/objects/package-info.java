/**
 * The console's Objects pages: object types, the objects of a type, and one object's attributes,
 * related people and object-to-object relationships, read through the objects and people APIs only.
 */
package io.herald.webadmin.objects;
