/**
 * Entities with their rules, their queries, and who may see what; domain errors are the kit's {@code kit.domain} exceptions, mapped to problem+json by the kit's REST part.
 */
package org.safesessions.notification.domain;
