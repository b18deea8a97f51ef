import TransnationalRepression

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Reads the bundled sample through the public API only, and checks what the data README states.
let sample = IncidentDataset.documentedSample
let returned = sample.filter { $0.category == .extradition }
let returnedPersons = returned.reduce(0) { $0 + ($1.persons.value ?? 0) }
let everyRecordCited = sample.allSatisfy { !$0.sources.isEmpty && !$0.sources[0].title.isEmpty }

print("records: \(sample.count); returns: \(returned.count) (\(returnedPersons) people); cited: \(everyRecordCited)")
guard sample.count == 81, returned.count == 30, returnedPersons == 313, everyRecordCited,
  Country("NA")?.name == "Namibia"
else {
  print("ConsumerCheck FAILED: the bundled sample is not what the data README documents")
  exit(1)
}
print("ConsumerCheck passed")
