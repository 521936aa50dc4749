import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { OutboxEntryEntity } from '../entities';

export type NewOutboxEntry = Pick<OutboxEntryEntity, 'id' | 'caseId' | 'calls'>;

@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboxEntryEntity) private readonly entries: Repository<OutboxEntryEntity>) {}

  /**
   * Adds the entry inside the caller's transaction. The relay leaves it alone for `graceMs`: the
   * request performs it itself right after its commit, and the relay is there for when it cannot.
   */
  async add(em: EntityManager, entry: NewOutboxEntry, graceMs: number): Promise<void> {
    await em.query(`INSERT INTO process_outbox (id, case_id, calls, next_attempt_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')`, [
      entry.id,
      entry.caseId,
      JSON.stringify(entry.calls),
      graceMs,
    ]);
  }

  find(id: string): Promise<OutboxEntryEntity | null> {
    return this.entries.findOneBy({ id });
  }

  /**
   * Claims up to `limit` due entries for one relay: their next attempt moves out by a backoff of
   * 1 s doubling up to 30 s (so a relay that dies mid-batch leaves them for another, later), and
   * their attempt count goes up.
   */
  async claimDue(limit: number): Promise<OutboxEntryEntity[]> {
    const [rows] = await this.entries.query(
      `UPDATE process_outbox o
          SET attempts = o.attempts + 1,
              next_attempt_at = now() + least(interval '30 seconds', interval '1 second' * power(2, o.attempts))
         FROM (SELECT id FROM process_outbox WHERE done_at IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.case_id AS "caseId", o.calls, o.attempts`,
      [limit],
    );
    return rows;
  }

  async markDone(id: string): Promise<void> {
    await this.entries.update({ id, doneAt: IsNull() }, { doneAt: new Date(), lastError: null });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.entries.update({ id }, { lastError: error.slice(0, 1000) });
  }

  /** Forgets entries done more than a day ago: the rows they started keep their workflow ids. */
  async purgeDone(): Promise<void> {
    await this.entries.query(`DELETE FROM process_outbox WHERE done_at < now() - interval '1 day'`);
  }
}
