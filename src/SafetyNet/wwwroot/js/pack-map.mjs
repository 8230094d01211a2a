// The pack's hotspot map. District outlines, cells and points are drawn as vector layers, so the map is useful with no tile
// server at all (a closed network); a tile source is used only when the force configures one.
const element = document.getElementById("hotspot-map");
const data = JSON.parse(document.getElementById("hotspot-map-data")?.textContent ?? "null");
const L = window.L;
if (element && data && L && (data.cells.length > 0 || data.points.length > 0)) {
  element.hidden = false;
  const map = L.map(element, { attributionControl: Boolean(data.tiles), keyboard: true });
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution ?? "", maxZoom: 19 }).addTo(map);
  }
  const layers = [];
  // The districts' outlines, drawn first and beneath, so the squares have a place even without tiles.
  for (const district of data.districts ?? []) {
    const outline = L.polygon(district.rings, { color: "#505a5f", weight: 1, fill: false, interactive: false, className: "sn-map-district" }).addTo(map);
    outline.bindTooltip(district.name, { permanent: false, direction: "center" });
  }
  for (const cell of data.cells) {
    const polygon = L.polygon(cell.corners, { color: "#d4351c", weight: 2, fillOpacity: 0.35, interactive: false });
    polygon.bindTooltip(`${cell.rank}`, { permanent: true, direction: "center", className: "sn-map-rank" });
    layers.push(polygon.addTo(map));
  }
  for (const point of data.points) {
    layers.push(L.circleMarker([point.lat, point.lon], { radius: 3, color: "#1d70b8", weight: 1, fillOpacity: 0.8, interactive: false }).addTo(map));
  }
  map.fitBounds(L.featureGroup(layers).getBounds(), { padding: [20, 20] });
}
