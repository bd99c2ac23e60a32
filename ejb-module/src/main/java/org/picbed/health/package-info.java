/** Whether this node can do its work: one check per component, run together with a time limit. */
package org.picbed.health;
