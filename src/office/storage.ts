// Where the taskpane may keep local state. Office gives each add-in instance a partition key when
// the browser partitions storage by the top-level site (Office on the web in an iframe); keys in
// localStorage must include it or two documents' instances would read each other's data.
// Source: https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings

/**
 * Office.context.partitionKey, or '' outside Office and where Office does not partition storage.
 * @example localStorage.getItem(`cds.outbox.${partitionKey()}`)
 */
export function partitionKey(): string {
  const office = (globalThis as { Office?: { context?: { partitionKey?: unknown } } }).Office;
  const key = office?.context?.partitionKey;
  return typeof key === 'string' ? key : '';
}
