package dev.latchkey.jetty;

import jakarta.security.auth.message.MessageInfo;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.Set;

/**
 * The {@link HttpMessageContext} the bridge hands to the application's mechanism. It records the login instead of
 * passing it through Jakarta Authentication callbacks, which Jetty does not run here: {@link #getHandler()} and
 * {@link #getMessageInfo()} are therefore {@code null}, and {@code registerSession} is not supported (an API is
 * stateless; every request carries its credential).
 */
final class BridgeMessageContext implements HttpMessageContext {

    private final boolean isProtected;
    private final boolean authenticationRequest;
    /** Made when asked for: the bridge itself never reads it. */
    private Subject clientSubject;
    private HttpServletRequest request;
    private HttpServletResponse response;
    private Principal callerPrincipal;
    private Set<String> groups = Set.of();

    BridgeMessageContext(HttpServletRequest request, HttpServletResponse response, boolean isProtected,
                         boolean authenticationRequest) {
        this.request = request;
        this.response = response;
        this.isProtected = isProtected;
        this.authenticationRequest = authenticationRequest;
    }

    @Override
    public boolean isProtected() {
        return isProtected;
    }

    @Override
    public boolean isAuthenticationRequest() {
        return authenticationRequest;
    }

    @Override
    public boolean isRegisterSession() {
        return false;
    }

    @Override
    public void setRegisterSession(String callerName, Set<String> groups) {
        // Sessions are not registered: API credentials are presented on every request.
    }

    @Override
    public void cleanClientSubject() {
        callerPrincipal = null;
        groups = Set.of();
        if (clientSubject != null) {
            clientSubject.getPrincipals().clear();
        }
    }

    @Override
    public AuthenticationParameters getAuthParameters() {
        return new AuthenticationParameters();
    }

    @Override
    public CallbackHandler getHandler() {
        return null;
    }

    @Override
    public MessageInfo getMessageInfo() {
        return null;
    }

    @Override
    public Subject getClientSubject() {
        if (clientSubject == null) {
            clientSubject = new Subject();
            if (callerPrincipal != null) {
                clientSubject.getPrincipals().add(callerPrincipal);
            }
        }
        return clientSubject;
    }

    @Override
    public HttpServletRequest getRequest() {
        return request;
    }

    @Override
    public void setRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public HttpMessageContext withRequest(HttpServletRequest request) {
        this.request = request;
        return this;
    }

    @Override
    public HttpServletResponse getResponse() {
        return response;
    }

    @Override
    public void setResponse(HttpServletResponse response) {
        this.response = response;
    }

    @Override
    public AuthenticationStatus redirect(String location) {
        try {
            response.sendRedirect(location);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public AuthenticationStatus forward(String path) {
        try {
            request.getRequestDispatcher(path).forward(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
        return sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    @Override
    public AuthenticationStatus responseNotFound() {
        return sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private AuthenticationStatus sendError(int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        return notifyContainerAboutLogin(new CallerPrincipal(callerName), groups);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
        if (principal == null) {
            return doNothing();
        }
        this.callerPrincipal = principal;
        this.groups = groups == null ? Set.of() : Set.copyOf(groups);
        if (clientSubject != null) {
            clientSubject.getPrincipals().add(principal);
        }
        return AuthenticationStatus.SUCCESS;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return responseUnauthorized();
        }
        return notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
    }

    @Override
    public AuthenticationStatus doNothing() {
        callerPrincipal = null;
        groups = Set.of();
        return AuthenticationStatus.NOT_DONE;
    }

    @Override
    public Principal getCallerPrincipal() {
        return callerPrincipal;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }
}
