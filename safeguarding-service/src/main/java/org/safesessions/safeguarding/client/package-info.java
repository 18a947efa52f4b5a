/**
 * Calls out of the service: other services' REST APIs and external systems.
 * <p>
 * Here, council webhooks (signed pushes) and the staff directory lookups of an organisation's DSLs.
 */
package org.safesessions.safeguarding.client;
