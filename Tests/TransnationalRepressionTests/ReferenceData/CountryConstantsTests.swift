import Foundation
import Testing

@testable import TransnationalRepression

/// The generated `Country.thailand`-style constants: one per bundled code, each equal to the
/// lookup by its code, named by the documented rules.
@Suite("Country constants")
struct CountryConstantsTests {
  @Test("every bundled code has exactly one constant, equal to Country(code)")
  func oneConstantPerCode() throws {
    #expect(countryConstants.count == Country.count)
    #expect(countryConstants.count == 250)
    #expect(Set(countryConstants.map(\.name)).count == countryConstants.count)
    #expect(Set(countryConstants.map(\.alpha2)).count == countryConstants.count)
    #expect(countryConstants.map(\.country) == Country.allCountries)
    for constant in countryConstants {
      let looked = try #require(Country(constant.alpha2), "\(constant.alpha2)")
      #expect(constant.country == looked, "\(constant.name)")
      #expect(constant.country.alpha2 == constant.alpha2)
    }
  }

  @Test("names follow the rules: common name, no parentheses, ASCII, lowerCamelCase")
  func names() {
    let byCode = Dictionary(uniqueKeysWithValues: countryConstants.map { ($0.alpha2, $0.name) })
    let expected: [String: String] = [
      "TH": "thailand", "US": "unitedStates", "GB": "unitedKingdom", "TR": "turkiye",
      "CI": "coteDIvoire", "BA": "bosniaAndHerzegovina", "KR": "southKorea", "KP": "northKorea",
      "VA": "holySee", "CD": "democraticRepublicOfTheCongo", "CG": "congo", "VG": "britishVirginIslands",
      "VI": "usVirginIslands", "PS": "palestine", "FM": "micronesia", "AX": "alandIslands",
      "GW": "guineaBissau", "RU": "russianFederation", "XK": "kosovo", "CN": "china",
      "HM": "heardIslandAndMcDonaldIslands", "SH": "saintHelenaAscensionAndTristanDaCunha",
    ]
    for (code, name) in expected {
      #expect(byCode[code] == name, "\(code)")
    }
    for constant in countryConstants {
      #expect(constant.name.first!.isLowercase)
      #expect(constant.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(constant.name)")
    }
  }

  @Test("constants read as the codes they stand for, and the old forms keep working")
  func usage() {
    #expect(Country.thailand == Country("TH")!)
    #expect(Country.thailand == Country("THA")!)
    #expect(Country.kosovo.isUserAssigned)
    #expect(Country.china == Country("CN")!)
    #expect(Country.turkiye.name == "Türkiye")
    let hosts: [Country] = [.turkiye, .coteDIvoire, .unitedStates, .kosovo]
    #expect(hosts.map(\.alpha2) == ["TR", "CI", "US", "XK"])
  }
}
