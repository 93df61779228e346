import AlmanacCore
import AlmanacSite
extension Site {
    /// The settings from almanac.yml, with the types' human names for result lists and filters.
    public var searchSettings: SearchSettings {
        var settings = config.search
        for type in config.contentTypes where settings.typeNames[type.id] == nil {
            settings.typeNames[type.id] = type.singular
        }
        return settings
    }
}
