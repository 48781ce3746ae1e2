package dev.latchkey.jetty.it.authz;

import dev.latchkey.jaxrs.RequiresScope;
import dev.latchkey.jaxrs.RouteReport;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST FIXTURE: the resource shapes of issue 11. Locators count their invocations ({@link #LOCATOR_CALLS}) and
 * state-changing methods their effects ({@link #APPLIED}), so tests see whether a refused request ran anything.
 */
public final class Shapes {

    public static final AtomicInteger LOCATOR_CALLS = new AtomicInteger();
    public static final AtomicInteger APPLIED = new AtomicInteger();

    private Shapes() {
    }

    /** A plain sub-resource: no annotation of its own. */
    public static class Sub {
        @GET
        public String get() {
            return "sub";
        }
    }

    /** A sub-resource that declares itself public; the locator's constraints still hold. */
    public static class OpenSub {
        @GET
        @PermitAll
        public String get() {
            return "open-sub";
        }
    }

    @Path("/loc")
    @RolesAllowed("admin")
    public static class LocatorRoot {
        @Path("sub")
        public Sub sub() {
            LOCATOR_CALLS.incrementAndGet();
            return new Sub();
        }

        @Path("cls")
        public Class<Sub> cls() {
            LOCATOR_CALLS.incrementAndGet();
            return Sub.class;
        }

        /** More literal characters than the locator "sub": JAX-RS picks this method for /loc/sub/info. */
        @GET
        @Path("sub/info")
        @PermitAll
        public String info() {
            return "info";
        }
    }

    /** A more specific root than {@link LocatorRoot}: /loc/sub/public is routed here, not through the locator. */
    @Path("/loc/sub/public")
    @PermitAll
    public static class MoreSpecific {
        @GET
        public String get() {
            return "public";
        }
    }

    @Path("/scoped-loc")
    public static class ScopedLocatorRoot {
        @Path("sub")
        @RequiresScope("admin:all")
        public Sub sub() {
            LOCATOR_CALLS.incrementAndGet();
            return new Sub();
        }

        @Path("open")
        @RequiresScope("admin:all")
        public OpenSub open() {
            LOCATOR_CALLS.incrementAndGet();
            return new OpenSub();
        }
    }

    public interface CrudApi<T> {
        @PUT
        @Path("{id}")
        @RolesAllowed("admin")
        String put(@PathParam("id") String id, T body);
    }

    @Path("/gen")
    public static class Gen implements CrudApi<String> {
        @Override
        public String put(String id, String body) {
            APPLIED.incrementAndGet();
            return "put " + id;
        }
    }

    public abstract static class GenericBase<T> {
        @POST
        @Path("{id}")
        @RequiresScope("write")
        public abstract String post(@PathParam("id") String id, T body);
    }

    @Path("/gen-super")
    public static class GenSuperImpl extends GenericBase<String> {
        @Override
        public String post(String id, String body) {
            APPLIED.incrementAndGet();
            return "post " + id;
        }
    }

    @RolesAllowed("admin")
    public interface Api {
        @GET
        @Path("x")
        String get();
    }

    @Path("/iface")
    public static class ApiImpl implements Api {
        @Override
        public String get() {
            return "x";
        }
    }

    @RolesAllowed("admin")
    public static class Base {
        @GET
        @Path("m")
        public String m() {
            return "m";
        }
    }

    @Path("/s")
    @RequiresScope("read")
    public static class Impl extends Base {
    }

    public interface LocatorApi {
        @Path("sub")
        @RolesAllowed("admin")
        Sub sub();
    }

    @Path("/iface-loc")
    public static class LocatorApiImpl implements LocatorApi {
        @Override
        public Sub sub() {
            LOCATOR_CALLS.incrementAndGet();
            return new Sub();
        }
    }

    public interface DefaultApi {
        @GET
        @Path("d")
        @RolesAllowed("admin")
        default String d() {
            return "d";
        }
    }

    @Path("/default")
    public static class DefaultImpl implements DefaultApi {
    }

    @Path("/mixed")
    @RolesAllowed("admin")
    public static class Mixed {
        @GET
        @Path("open")
        @PermitAll
        public String open() {
            return "open";
        }

        @GET
        @Path("closed")
        public String closed() {
            return "closed";
        }
    }

    @RequiresScope("a")
    public interface ScopedApi {
        @GET
        @Path("x")
        @RequiresScope("b")
        String x();
    }

    @Path("/scopes")
    @RequiresScope("c")
    public static class ScopesImpl implements ScopedApi {
        @Override
        @RequiresScope("d")
        public String x() {
            return "abcd";
        }
    }

    @Path("/plain")
    public static class Plain {
        @GET
        public String get() {
            return "plain";
        }
    }

    @Path("/near")
    @RequiresScope("orders:read")
    public static class NearMiss {
        @GET
        public String get() {
            return "orders";
        }
    }

    @Path("/nest")
    @RolesAllowed("admin")
    public static class NestRoot {
        @Path("a")
        public Level1 a() {
            LOCATOR_CALLS.incrementAndGet();
            return new Level1();
        }
    }

    public static class Level1 {
        @Path("b")
        @RequiresScope("deep")
        public Sub b() {
            LOCATOR_CALLS.incrementAndGet();
            return new Sub();
        }
    }

    /** A locator whose sub-resource type only the run time knows: its nested locator is checked after matching. */
    @Path("/dyn")
    public static class DynamicRoot {
        @Path("x")
        @RolesAllowed("admin")
        public Object x() {
            LOCATOR_CALLS.incrementAndGet();
            return new DynamicSub();
        }

        @Path("broken")
        public Object broken() {
            return new ContradictorySub();
        }

        @Path("broken-locator")
        public Object brokenLocator() {
            return new ContradictoryLocator();
        }
    }

    /** Reached only through {@link DynamicRoot#brokenLocator()}: its locator contradicts itself. */
    public static class ContradictoryLocator {
        @Path("y")
        @PermitAll
        @RequiresScope("x")
        public Object y() {
            LOCATOR_CALLS.incrementAndGet();
            return new OpenSub();
        }
    }

    /** Reached only through {@link DynamicRoot#broken()}: its contradiction cannot be seen at deployment. */
    public static class ContradictorySub {
        @GET
        @PermitAll
        @RequiresScope("x")
        public String get() {
            return "never";
        }
    }

    public static class DynamicSub {
        @Path("y")
        @RolesAllowed("ops")
        public Object y() {
            return new Sub();
        }
    }

    /** A public sub-resource (attacks on locator matching reach it through a guarded locator). */
    public static class Section {
        @GET
        @PermitAll
        public String get() {
            return "section";
        }

        @GET
        @Path("{part}")
        @PermitAll
        public String part() {
            return "part";
        }
    }

    /** A recursive resource: an admin-only subtree below any depth of open children. */
    @Path("/tree")
    public static class Tree {
        @Path("{name}")
        public Tree child(@PathParam("name") String name) {
            LOCATOR_CALLS.incrementAndGet();
            return new Tree();
        }

        @Path("restricted")
        @RolesAllowed("admin")
        public Tree restricted() {
            LOCATOR_CALLS.incrementAndGet();
            return new Tree();
        }

        @GET
        @PermitAll
        public String get() {
            return "tree";
        }
    }

    /** JAX-RS matches the encoded path: {@code /items/42/%73ummary} reaches {@link #section}, not {@link #summary}. */
    @Path("/items")
    public static class Items {
        @Path("{id}/summary")
        @PermitAll
        public Section summary(@PathParam("id") String id) {
            LOCATOR_CALLS.incrementAndGet();
            return new Section();
        }

        @Path("{id}/{section}")
        @RolesAllowed("admin")
        public Section section(@PathParam("id") String id, @PathParam("section") String section) {
            LOCATOR_CALLS.incrementAndGet();
            return new Section();
        }
    }

    /** Reached as {@code /ext/admin.json} once {@link ExtensionFilter} has removed the extension. */
    @Path("/ext")
    public static class Extensions {
        @Path("{id}")
        @PermitAll
        public Section item(@PathParam("id") String id) {
            LOCATOR_CALLS.incrementAndGet();
            return new Section();
        }

        @Path("admin")
        @RolesAllowed("admin")
        public Section admin() {
            LOCATOR_CALLS.incrementAndGet();
            return new Section();
        }
    }

    /** A root with resource methods only: JAX-RS does not route {@code /users/me/x} here but to {@link Users}. */
    @Path("/users/me")
    @PermitAll
    public static class Me {
        @GET
        public String get() {
            return "me";
        }
    }

    @Path("/users")
    public static class Users {
        @Path("{id}")
        @RolesAllowed("admin")
        public Section user(@PathParam("id") String id) {
            LOCATOR_CALLS.incrementAndGet();
            return new Section();
        }
    }

    /**
     * A sub-resource method and a locator of equal §3.7.2 precedence: which one JAX-RS invokes for {@code /tie/x} is
     * the implementation's choice (Jersey: model order). The pre-matching guard prefers the method.
     */
    @Path("/tie")
    public static class Tie {
        @Path("{b}")
        @RolesAllowed("admin")
        public Section locator() {
            LOCATOR_CALLS.incrementAndGet();
            return new Section();
        }

        @GET
        @Path("{a}")
        @PermitAll
        public String method() {
            return "method";
        }
    }

    @Path("/health")
    @PermitAll
    public static class Health {
        @GET
        public String get() {
            return "up";
        }
    }

    /** Answers how many routes {@link RouteReport#of} knows for this application ({@code -1}: none). */
    @Path("/report-size")
    @PermitAll
    public static class ReportSize {
        @Context
        Application application;

        @GET
        public String get() {
            return String.valueOf(RouteReport.of(application).map(r -> r.routes().size()).orElse(-1));
        }
    }
}
