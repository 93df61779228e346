// A client of the driver (the command line, the preview server, the products, the tests) sees
// every stage's values through `import Almanac`; the stages themselves import only earlier ones.
@_exported import AlmanacContent
@_exported import AlmanacCore
@_exported import AlmanacLint
@_exported import AlmanacMarkdown
@_exported import AlmanacOutput
@_exported import AlmanacRender
@_exported import AlmanacSearch
@_exported import AlmanacSite
