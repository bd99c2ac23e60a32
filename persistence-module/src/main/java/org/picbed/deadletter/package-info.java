/** Why queue messages failed and what operators did with the dead letters (table message_failure). */
package org.picbed.deadletter;
