/* The header's two buttons: the menu (Material's drawer) and the colour scheme.
   Both buttons are hidden in the HTML and shown here, because neither works without
   JavaScript; without it the footer's A to Z and topic index lead everywhere. */
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var menu = document.querySelector(".hub-menu-button");
  // While the drawer is open, the rest of the page is out of reach (inert), as in a dialog.
  var behind = ".md-content, .md-sidebar--secondary, .md-footer, .md-tabs";

  function setDrawer(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change"));
  }

  function syncDrawer() {
    var open = drawer.checked;
    menu.setAttribute("aria-expanded", open ? "true" : "false");
    document.querySelectorAll(behind).forEach(function (el) {
      if (open) { el.setAttribute("inert", ""); } else { el.removeAttribute("inert"); }
    });
  }

  if (drawer && sidebar && menu) {
    // The menu button's aria-controls target. No aria-label here: a div with no role may not
    // have one (ARIA 1.2), and the menu inside is already a nav with a name.
    sidebar.id = "hub-drawer";
    menu.hidden = false;
    drawer.addEventListener("change", syncDrawer);
    menu.addEventListener("click", function () {
      setDrawer(!drawer.checked);
      if (drawer.checked) {
        var first = sidebar.querySelector("a[href]");
        // Wait for the drawer to become visible before moving focus into it.
        if (first) { window.setTimeout(function () { first.focus(); }, 50); }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        setDrawer(false);
        menu.focus();
      }
    });
    syncDrawer();
  }

  // Material names each section's menu after its expand/collapse label, which holds only an
  // icon; name it after the section's own link so screen readers can tell the menus apart.
  document.querySelectorAll(".md-nav--primary nav.md-nav[aria-labelledby]").forEach(function (nav) {
    var label = document.getElementById(nav.getAttribute("aria-labelledby"));
    var link = label && label.parentElement && label.parentElement.querySelector("a");
    if (label && !label.textContent.trim() && link) {
      nav.removeAttribute("aria-labelledby");
      nav.setAttribute("aria-label", link.textContent.trim());
    }
  });

  // Colour scheme: saved under Material's palette key, so hub-scheme.js restores it before the next page is drawn.
  var scheme = document.querySelector(".hub-scheme-button");
  if (scheme && typeof __md_get === "function") {
    var show = function () {
      var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
      scheme.setAttribute("aria-pressed", dark ? "true" : "false");
    };
    scheme.hidden = false;
    scheme.addEventListener("click", function () {
      var next = document.body.getAttribute("data-md-color-scheme") === "slate" ? "default" : "slate";
      document.body.setAttribute("data-md-color-scheme", next);
      __md_set("__palette", { index: next === "slate" ? 1 : 0,
                              color: { scheme: next, primary: "custom", accent: "custom" } });
      show();
    });
    show();
  }
})();
