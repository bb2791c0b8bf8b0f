/** The bundled replay viewer's code, served by replayPlugin.ts. */
declare module 'virtual:replay-viewer' {
  const viewerJs: string;
  export default viewerJs;
}
