/**
 * Calls out of the service: other services' REST APIs and external systems.
 * <p>
 * consent-service calls no other service or external system today. The package is kept so that every service has the same five layers.
 */
package org.safesessions.consent.client;
