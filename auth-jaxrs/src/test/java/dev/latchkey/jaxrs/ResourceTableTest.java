package dev.latchkey.jaxrs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JAX-RS 3.1 §3.7.2 matching of sub-resource locators for the pre-matching guard. */
class ResourceTableTest {

    public static class Sub {
        @GET
        public String get() {
            return "";
        }

        @Path("deeper")
        @RolesAllowed("deep")
        public Sub deeper() {
            return this;
        }
    }

    @Path("/loc")
    @RolesAllowed("admin")
    public static class Root {
        @Path("sub")
        public Sub sub() {
            return new Sub();
        }

        @GET
        @Path("sub/info")
        public String info() {
            return "";
        }

        @Path("{any}")
        public Sub variable() {
            return new Sub();
        }
    }

    @Path("/loc/sub/public")
    public static class MoreSpecific {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("/{x: [a-z]+}")
    public static class Tied {
        @Path("sub")
        @RolesAllowed("tied")
        public Sub sub() {
            return new Sub();
        }
    }

    @Path("/broken")
    public static class Broken {
        @Path("sub")
        @RolesAllowed({})
        public Sub sub() {
            return new Sub();
        }
    }

    private static final ResourceTable TABLE = ResourceTable.of(List.of(Root.class, MoreSpecific.class));

    private static List<String> locators(ResourceTable table, String path) {
        return table.locatorsFor(path).stream().map(m -> m.method().getName()).toList();
    }

    @Test
    void whenPathGoesThroughLocatorThenItIsFound() {
        assertEquals(List.of("sub"), locators(TABLE, "/loc/sub"));
        assertEquals(List.of("sub"), locators(TABLE, "/loc/sub/"));
        assertEquals(List.of("sub", "deeper"), locators(TABLE, "/loc/sub/deeper"));
        assertEquals(Set.of("admin"), TABLE.locatorsFor("/loc/sub").get(0).rule().orElseThrow().roles());
    }

    @Test
    void whenMoreLiteralCharactersThenLiteralLocatorBeatsVariableLocator() {
        assertEquals(List.of("variable"), locators(TABLE, "/loc/other"));
    }

    @Test
    void whenSubResourceMethodIsMoreSpecificThenNoLocator() {
        assertEquals(List.of(), locators(TABLE, "/loc/sub/info"));
    }

    @Test
    void whenAnotherRootIsMoreSpecificThenNoLocator() {
        assertEquals(List.of(), locators(TABLE, "/loc/sub/public"));
        assertEquals(List.of(), locators(TABLE, "/loc"));
        assertEquals(List.of(), locators(TABLE, "/elsewhere"));
    }

    @Test
    void whenRootsTieThenEveryTiedLocatorApplies() {
        ResourceTable table = ResourceTable.of(List.of(Tied.class, Twin.class));
        assertEquals(Set.of("sub", "twin"), Set.copyOf(locators(table, "/abc/sub")));
    }

    @Path("/{y: [a-c]+}")
    public static class Twin {
        @Path("sub")
        public Sub twin() {
            return new Sub();
        }
    }

    @Test
    void whenLocatorAnnotationsContradictThenTheTableFailsNamingTheLocator() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ResourceTable.of(List.of(Broken.class)));
        assertTrue(e.getMessage().contains(Broken.class.getName() + "#sub()"), e.getMessage());
    }

    @Test
    void whenRoutesListedThenLocatorRuleAndMethodRuleBothAppear() {
        RouteReport.Route route = TABLE.routes(UnannotatedPolicy.AUTHENTICATED).stream()
                .filter(r -> r.path().equals("/loc/sub") && r.httpMethod().equals("GET")).findFirst().orElseThrow();
        assertEquals(2, route.rules().size());
        assertTrue(route.rule().contains("roles any of [admin]"), route.rule());
    }
}
