// Files webpack inlines into the single HTML page (asset/inline: a data: URL).
declare module "*.docx" {
  const url: string;
  export default url;
}
