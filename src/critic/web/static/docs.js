// Starts the bundled Swagger UI (shipped in this package: no CDN) on the app's OpenAPI schema.
window.addEventListener("load", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: root.dataset.spec, dom_id: "#swagger-ui", deepLinking: true });
});
