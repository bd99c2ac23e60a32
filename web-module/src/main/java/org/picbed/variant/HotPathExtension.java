package org.picbed.variant;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * WildFly/Undertow only (registered in {@code META-INF/services}): puts {@link HotVariantHandler} in front of the
 * servlet chain so hot variants never leave the IO thread. On other servers the servlets serve hits the same way,
 * just through a worker thread.
 */
public class HotPathExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        String contextPath = deployment.getContextPath() == null ? "" : deployment.getContextPath();
        ClassLoader loader = deployment.getClassLoader();
        deployment.addInitialHandlerChainWrapper(next -> new HotVariantHandler(next, contextPath, loader));
    }
}
