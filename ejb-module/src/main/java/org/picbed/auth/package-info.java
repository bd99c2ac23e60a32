/** Who may call the write API: API keys from configuration, compared in constant time. */
package org.picbed.auth;
