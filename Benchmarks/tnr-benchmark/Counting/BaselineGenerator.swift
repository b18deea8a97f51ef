import Dispatch

/// The synthetic incidents of `Benchmarks/Peers/gen.py`, ported exactly so that rows generated here
/// equal the generator's files (and their table checksums match).
///
/// Row *i* depends only on (seed, *i*): `r = splitmix64((i + 1) * 0x9E3779B97F4A7C15 + seed)`;
/// the host country's popularity rank is the first rank whose threshold exceeds `r >> 32`
/// (Zipf-like, s = 1.2), the kind comes from bits 16–31 and the year from bits 0–15, each by
/// integer inverse-CDF thresholds. The thresholds below are gen.py's `COUNTRY_T`, `KIND_T` and
/// `YEAR_T`, printed by
/// `python3 -c 'import gen; print(list(map(int, gen.COUNTRY_T)))'` (and likewise) in
/// `Benchmarks/Peers`, so no floating-point step is repeated here. Synthetic data, not observations.
enum BaselineGenerator {
  /// gen.py's `SEED`.
  static let seed: UInt64 = 0x7E5_2026
  static let countries = 250
  static let kinds = 3
  static let yearMin = 1997
  static let yearMax = 2026

  /// The table checksums gen.py records for its files (`tnr_1e6.bin` ...; the smaller sizes
  /// from `gen.py --bin 1e3,1e4,1e5`, for the CI smoke runs).
  static let knownChecksums: [Int: String] = [
    1_000: "4e62030be2709787",
    10_000: "1b6e500908f9b12f",
    100_000: "ff2524cde6e9c9a1",
    1_000_000: "92d52fb3ee2cdb89",
    10_000_000: "d5df901a0dd7c53e",
    100_000_000: "9c19d61e13a95a08",
  ]

  /// gen.py's `ISO2`: the 249 assigned ISO 3166-1 alpha-2 codes in alphabetical order, then XK.
  static let iso2: [String] = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW XK
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

  /// gen.py's `TOP_HOSTS`: the most popular host countries, most popular first.
  static let topHosts = "TR RU TH AE US DE KZ UA PK EG SA KG GB FR CA".split(separator: " ")
    .map(String.init)

  /// gen.py's `country_rank_order()`: popularity rank -> country code.
  static let rankToCountry: [UInt16] = {
    let top = topHosts.map { UInt16(iso2.firstIndex(of: $0)!) }
    var rest = (0..<UInt16(countries)).filter { !top.contains($0) }
    rest.sort { (Int($0) * 97 + 13) % 251 < (Int($1) * 97 + 13) % 251 }
    return top + rest
  }()

  /// gen.py's `COUNTRY_T` (32-bit thresholds over popularity ranks).
  static let countryThresholds: [UInt64] = [
    1_091_473_411, 1_566_564_808, 1_858_621_832, 2_065_417_373, 2_223_632_920, 2_350_758_123,
    2_456_414_451, 2_546_427_439, 2_624_576_209, 2_693_443_526, 2_754_868_069, 2_810_202_528,
    2_860_469_316, 2_906_458_904, 2_948_794_302, 2_987_974_731, 3_024_406_013, 3_058_422_241,
    3_090_301_546, 3_120_277_786, 3_148_549_361, 3_175_285_947, 3_200_633_717, 3_224_719_439,
    3_247_653_721, 3_269_533_612, 3_290_444_700, 3_310_462_831, 3_329_655_509, 3_348_083_061,
    3_365_799_610, 3_382_853_882, 3_399_289_893, 3_415_147_530, 3_430_463_041, 3_445_269_465,
    3_459_596_987, 3_473_473_260, 3_486_923_674, 3_499_971_590, 3_512_638_554, 3_524_944_472,
    3_536_907_773, 3_548_545_547, 3_559_873_675, 3_570_906_933, 3_581_659_093, 3_592_143_013,
    3_602_370_710, 3_612_353_436, 3_622_101_738, 3_631_625_513, 3_640_934_065, 3_650_036_145,
    3_658_939_997, 3_667_653_394, 3_676_183_675, 3_684_537_773, 3_692_722_247, 3_700_743_305,
    3_708_606_831, 3_716_318_407, 3_723_883_330, 3_731_306_633, 3_738_593_102, 3_745_747_292,
    3_752_773_539, 3_759_675_976, 3_766_458_545, 3_773_125_009, 3_779_678_959, 3_786_123_829,
    3_792_462_902, 3_798_699_318, 3_804_836_085, 3_810_876_084, 3_816_822_076, 3_822_676_708,
    3_828_442_523, 3_834_121_958, 3_839_717_358, 3_845_230_974, 3_850_664_972, 3_856_021_434,
    3_861_302_364, 3_866_509_693, 3_871_645_280, 3_876_710_916, 3_881_708_328, 3_886_639_182,
    3_891_505_085, 3_896_307_590, 3_901_048_193, 3_905_728_343, 3_910_349_437, 3_914_912_828,
    3_919_419_823, 3_923_871_687, 3_928_269_643, 3_932_614_877, 3_936_908_536, 3_941_151_730,
    3_945_345_538, 3_949_491_002, 3_953_589_135, 3_957_640_917, 3_961_647_302, 3_965_609_212,
    3_969_527_545, 3_973_403_172, 3_977_236_938, 3_981_029_664, 3_984_782_150, 3_988_495_170,
    3_992_169_480, 3_995_805_812, 3_999_404_881, 4_002_967_380, 4_006_493_985, 4_009_985_353,
    4_013_442_125, 4_016_864_924, 4_020_254_357, 4_023_611_015, 4_026_935_475, 4_030_228_299,
    4_033_490_034, 4_036_721_215, 4_039_922_361, 4_043_093_981, 4_046_236_570, 4_049_350_612,
    4_052_436_578, 4_055_494_930, 4_058_526_116, 4_061_530_576, 4_064_508_739, 4_067_461_024,
    4_070_387_840, 4_073_289_587, 4_076_166_656, 4_079_019_428, 4_081_848_278, 4_084_653_571,
    4_087_435_663, 4_090_194_905, 4_092_931_637, 4_095_646_195, 4_098_338_906, 4_101_010_089,
    4_103_660_058, 4_106_289_120, 4_108_897_576, 4_111_485_719, 4_114_053_838, 4_116_602_214,
    4_119_131_126, 4_121_640_842, 4_124_131_629, 4_126_603_747, 4_129_057_451, 4_131_492_990,
    4_133_910_610, 4_136_310_551, 4_138_693_048, 4_141_058_333, 4_143_406_632, 4_145_738_168,
    4_148_053_158, 4_150_351_816, 4_152_634_353, 4_154_900_975, 4_157_151_883, 4_159_387_277,
    4_161_607_351, 4_163_812_297, 4_166_002_303, 4_168_177_553, 4_170_338_228, 4_172_484_507,
    4_174_616_564, 4_176_734_572, 4_178_838_698, 4_180_929_110, 4_183_005_969, 4_185_069_437,
    4_187_119_670, 4_189_156_823, 4_191_181_049, 4_193_192_497, 4_195_191_315, 4_197_177_646,
    4_199_151_634, 4_201_113_417, 4_203_063_134, 4_205_000_921, 4_206_926_909, 4_208_841_231,
    4_210_744_015, 4_212_635_388, 4_214_515_474, 4_216_384_398, 4_218_242_279, 4_220_089_237,
    4_221_925_388, 4_223_750_849, 4_225_565_732, 4_227_370_150, 4_229_164_213, 4_230_948_029,
    4_232_721_705, 4_234_485_345, 4_236_239_055, 4_237_982_935, 4_239_717_086, 4_241_441_608,
    4_243_156_598, 4_244_862_151, 4_246_558_364, 4_248_245_328, 4_249_923_137, 4_251_591_880,
    4_253_251_648, 4_254_902_528, 4_256_544_608, 4_258_177_972, 4_259_802_705, 4_261_418_891,
    4_263_026_612, 4_264_625_948, 4_266_216_980, 4_267_799_785, 4_269_374_442, 4_270_941_028,
    4_272_499_617, 4_274_050_285, 4_275_593_105, 4_277_128_149, 4_278_655_489, 4_280_175_195,
    4_281_687_337, 4_283_191_985, 4_284_689_205, 4_286_179_064, 4_287_661_630, 4_289_136_966,
    4_290_605_138, 4_292_066_208, 4_293_520_240, 4_294_967_296,
  ]
  /// gen.py's `KIND_T` (16-bit thresholds: 78 / 16 / 6 %).
  static let kindThresholds: [UInt64] = [51_118, 61_603, 65_536]
  /// gen.py's `YEAR_T` (16-bit thresholds, weight growing linearly from 1997 to 2026).
  static let yearThresholds: [UInt64] = [
    688, 1_479, 2_373, 3_371, 4_472, 5_676, 6_983, 8_394, 9_907, 11_524,
    13_244, 15_068, 16_994, 19_024, 21_157, 23_393, 25_732, 28_175, 30_721, 33_370,
    36_122, 38_977, 41_936, 44_997, 48_162, 51_431, 54_802, 58_277, 61_854, 65_536,
  ]

  /// The counter-based generator: splitmix64's finalizer of `(index + 1) * golden + seed`.
  @inline(__always)
  static func splitmix64(_ index: UInt64, seed: UInt64) -> UInt64 {
    var x = (index &+ 1) &* 0x9E37_79B9_7F4A_7C15 &+ seed
    x ^= x >> 30
    x = x &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 27
    x = x &* 0x94D0_49BB_1331_11EB
    x ^= x >> 31
    return x
  }

  /// `numpy.searchsorted(thresholds, value, side="right")`: how many thresholds are <= value.
  static func searchSortedRight(_ thresholds: [UInt64], _ value: UInt64) -> Int {
    var low = 0
    var high = thresholds.count
    while low < high {
      let middle = (low + high) / 2
      if thresholds[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Lookup tables indexed by 16 bits, equivalent to the searches (built once).
  struct Tables: Sendable {
    /// Country rank for value `h << 16`; exact after skipping thresholds <= the full value.
    let countryRank: [UInt8]
    let kind: [UInt8]
    let yearIndex: [UInt8]

    init() {
      countryRank = (0..<65_536).map {
        UInt8(
          BaselineGenerator.searchSortedRight(BaselineGenerator.countryThresholds, UInt64($0) << 16)
        )
      }
      kind = (0..<65_536).map {
        UInt8(BaselineGenerator.searchSortedRight(BaselineGenerator.kindThresholds, UInt64($0)))
      }
      yearIndex = (0..<65_536).map {
        UInt8(BaselineGenerator.searchSortedRight(BaselineGenerator.yearThresholds, UInt64($0)))
      }
    }
  }

  /// Row `index` of gen.py's data: (country code, kind, year).
  @inline(__always)
  static func row(_ index: Int, tables: Tables) -> (country: UInt16, kind: UInt8, year: UInt16) {
    let r = splitmix64(UInt64(index), seed: seed)
    let high = r >> 32
    var rank = Int(tables.countryRank[Int(high >> 16)])
    while countryThresholds[rank] <= high { rank += 1 }
    let kind = tables.kind[Int((r >> 16) & 0xFFFF)]
    let year = UInt16(yearMin) + UInt16(tables.yearIndex[Int(r & 0xFFFF)])
    return (rankToCountry[rank], kind, year)
  }

  /// Generates rows `0 ..< rows` on `threads` threads; with `extras`, also a persons weight
  /// (1...8) and an ethnic-group code (0..<10) per row from an independent stream.
  static func generate(rows: Int, threads: Int, extras: Bool = false) -> BaselineColumns {
    let columns = BaselineColumns(
      rows: rows, countries: countries, kinds: kinds, yearMin: yearMin, yearMax: yearMax)
    if extras {
      columns.persons = .allocate(capacity: rows)
      columns.persons!.initialize(repeating: 0)
      columns.group = .allocate(capacity: rows)
      columns.group!.initialize(repeating: 0)
    }
    let job = GenerationJob(columns: columns, tables: Tables())
    let parts = Swift.max(1, Swift.min(threads * 4, rows / 65_536))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      job.fill(rows * part / parts..<rows * (part + 1) / parts)
    }
    return columns
  }

  /// Shares the output columns with the generator threads. `@unchecked Sendable`: each thread
  /// writes a disjoint row range, and `concurrentPerform` returns after all have finished.
  private struct GenerationJob: @unchecked Sendable {
    let columns: BaselineColumns
    let tables: Tables

    func fill(_ range: Range<Int>) {
      let country = columns.country
      let kind = columns.kind
      let year = columns.year
      for index in range {
        let row = BaselineGenerator.row(index, tables: tables)
        country[index] = row.country
        kind[index] = row.kind
        year[index] = row.year
      }
      if let persons = columns.persons, let group = columns.group {
        for index in range {
          let r = BaselineGenerator.splitmix64(
            UInt64(index), seed: BaselineGenerator.seed ^ 0x5045_5253_4F4E_5321)
          persons[index] = 1 + UInt32(r & 7)
          group[index] = UInt8((r >> 8) % 10)
        }
      }
    }
  }
}
