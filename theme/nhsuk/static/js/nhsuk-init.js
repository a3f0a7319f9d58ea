// Start NHS.UK frontend's components (header menu, skip link focus) once the page has loaded.
import { initAll } from "../../nhsuk/nhsuk-frontend.min.js";

initAll();
