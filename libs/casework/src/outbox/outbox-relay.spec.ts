import type { OutboxEntryEntity, OutboxRepository } from '@sagsflow/persistence';
import type { AlertService } from '../alerts/alert.service';
import { OutboxRelay } from './outbox-relay';
import type { ProcessOutbox } from './process-outbox';

const entry = (attempts: number): OutboxEntryEntity =>
  ({ id: `entry-${attempts}`, caseId: 'case-1', calls: [{ kind: 'signal', workflowId: 'case-1', signal: 'staffLeft', args: [] }], attempts }) as unknown as OutboxEntryEntity;

function relayWith(due: OutboxEntryEntity[], perform: () => Promise<void>) {
  const entries = { claimDue: jest.fn().mockResolvedValue(due), markDone: jest.fn(), markFailed: jest.fn(), purgeDone: jest.fn() };
  const alerts = { sendToLeads: jest.fn() };
  const relay = new OutboxRelay({ perform: jest.fn(perform) } as unknown as ProcessOutbox, entries as unknown as OutboxRepository, alerts as unknown as AlertService);
  return { relay, entries, alerts };
}

describe('OutboxRelay', () => {
  it('marks an entry done once its calls are made', async () => {
    const { relay, entries, alerts } = relayWith([entry(1)], async () => undefined);
    expect(await relay.relayOnce()).toBe(1);
    expect(entries.markDone).toHaveBeenCalledWith('entry-1');
    expect(entries.markFailed).not.toHaveBeenCalled();
    expect(alerts.sendToLeads).not.toHaveBeenCalled();
  });

  it.each([
    [1, false],
    [9, false],
    [10, true],
    [11, false],
  ])('keeps an entry whose calls failed on attempt %i owed, and alerts the administrators: %s', async (attempts, alerted) => {
    const { relay, entries, alerts } = relayWith([entry(attempts)], async () => {
      throw new Error('14 UNAVAILABLE: No connection established');
    });
    await relay.relayOnce();
    expect(entries.markDone).not.toHaveBeenCalled();
    expect(entries.markFailed).toHaveBeenCalledWith(`entry-${attempts}`, '14 UNAVAILABLE: No connection established');
    expect(alerts.sendToLeads).toHaveBeenCalledTimes(alerted ? 1 : 0);
    if (alerted) {
      expect(alerts.sendToLeads).toHaveBeenCalledWith(
        [],
        { key: 'outbox/entry-10', type: 'process.start-delayed', caseId: 'case-1', taskId: null, data: { errorType: 'Error' } },
        true,
      );
    }
  });
});
