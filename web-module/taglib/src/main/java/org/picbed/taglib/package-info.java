/**
 * picbed's JSP taglib for any Jakarta EE 10 servlet container: {@code <picbed:img>} (responsive, sized, lazily
 * loaded {@code <img>}) and the {@code picbed:url}, {@code picbed:preset}, {@code picbed:variant} EL functions,
 * configured by {@code PicbedTags} from context parameters or {@code PICBED_*} settings. Built on picbed-client.
 */
package org.picbed.taglib;
